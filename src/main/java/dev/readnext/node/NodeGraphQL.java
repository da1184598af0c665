package dev.readnext.node;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.readnext.api.Node;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class NodeGraphQL {

    @Inject
    NodeService nodes;

    @Query
    @Description("The object with this global id (any type's id field); null when it names nothing (any more);"
            + " a malformed id is BAD_USER_INPUT")
    public Node node(@NonNull @Id @Description("A global id, as the id field of any object gives it") String id) {
        return nodes.byIds("id", List.of(id)).get(0);
    }

    @Query
    @NonNull
    @Description("The objects with these global ids, in the order given, null in place of an id that names nothing;"
            + " at most 100 ids, loaded with one query per type")
    public List<Node> nodes(@NonNull @Description("Global ids, 0 to 100; a malformed one is BAD_USER_INPUT")
            List<@NonNull String> ids) { // declared [ID!]! by graphql.IdListArguments
        return nodes.byIds("ids", ids);
    }
}
