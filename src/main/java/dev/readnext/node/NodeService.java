package dev.readnext.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.Batches;
import dev.readnext.api.Ids;
import dev.readnext.api.Ids.GlobalId;
import dev.readnext.api.Node;
import dev.readnext.course.Course;
import dev.readnext.course.CourseSession;
import dev.readnext.list.ReadingList;
import dev.readnext.paper.Paper;
import dev.readnext.path.LearningPath;
import dev.readnext.reader.Reader;
import dev.readnext.reader.Readers;
import dev.readnext.topic.Topic;

/**
 * Finds objects by global id: one query per type asked for, however many ids. A reader and a reader's own lists are
 * private: their ids find them for that reader only, and are null (as if they named nothing) for anyone else.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NodeService {

    public static final int MAX_IDS = 100;

    /** For each type of node, how to load some of them by key. */
    private static final Map<String, Function<List<Long>, Map<Long, ? extends Node>>> LOADERS = Map.of(
            Ids.PAPER, keys -> Batches.index(Paper.<Paper>list("id in ?1", keys), p -> p.id),
            Ids.TOPIC, keys -> Batches.index(Topic.<Topic>list("id in ?1", keys), t -> t.id),
            Ids.COURSE, keys -> Batches.index(Course.<Course>list("id in ?1", keys), c -> c.id),
            Ids.COURSE_SESSION, keys -> Batches.index(CourseSession.<CourseSession>list("id in ?1", keys), s -> s.id),
            Ids.LEARNING_PATH, keys -> Batches.index(LearningPath.<LearningPath>list("id in ?1", keys), p -> p.id));

    /** The types whose nodes depend on the caller: readers and reading lists (a reader's own lists are private). */
    private static final List<String> PRIVATE_TYPES = List.of(Ids.READER, Ids.READING_LIST);

    @Inject
    Readers readers;

    /**
     * The objects the ids name, aligned with the ids: null where an id names nothing (any more). A malformed id or
     * one of a type that is not a node is BAD_USER_INPUT, and so are more than {@value #MAX_IDS} ids.
     */
    public List<Node> byIds(String field, List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.badInput(field, field + " may list at most " + MAX_IDS + " ids, not " + ids.size());
        }
        List<GlobalId> globals = ids.stream().map(id -> decode(field, id)).toList();
        Map<String, Map<Long, ? extends Node>> loaded = new HashMap<>();
        globals.stream().map(GlobalId::type).distinct()
                .forEach(type -> loaded.put(type, load(type, keysOf(globals, type))));
        // not toList(): its list refuses nulls in contains(), and an unknown id is a null in place
        return globals.stream().map(g -> (Node) loaded.get(g.type()).get(g.key()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private Map<Long, ? extends Node> load(String type, List<Long> keys) {
        return switch (type) {
            case Ids.READER -> theCaller(keys);
            case Ids.READING_LIST -> visibleLists(keys);
            default -> LOADERS.get(type).apply(keys);
        };
    }

    /**
     * The public lists (the catalogue's and readers' public ones) and the caller's own; another reader's private list
     * is as unknown as a deleted one.
     */
    private Map<Long, ReadingList> visibleLists(List<Long> keys) {
        Long caller = readers.existing().map(r -> r.id).orElse(null);
        return Batches.index(ReadingList.<ReadingList>list("id in ?1", keys).stream()
                .filter(list -> list.visibleTo(caller)).toList(), l -> l.id);
    }

    /** The caller's reader if the keys name it; nothing else (another reader's id is as unknown as a deleted one). */
    private Map<Long, Reader> theCaller(List<Long> keys) {
        return readers.existing().filter(r -> keys.contains(r.id)).map(r -> Map.of(r.id, r)).orElse(Map.of());
    }

    private static List<Long> keysOf(List<GlobalId> globals, String type) {
        return globals.stream().filter(g -> g.type().equals(type)).map(GlobalId::key).distinct().toList();
    }

    private static GlobalId decode(String field, String id) {
        GlobalId global = Ids.decode(field, id);
        if (!LOADERS.containsKey(global.type()) && !PRIVATE_TYPES.contains(global.type())) {
            throw ApiException.badInput(field, field + " is not a valid id: " + global.type() + " has no global ids");
        }
        return global;
    }
}
