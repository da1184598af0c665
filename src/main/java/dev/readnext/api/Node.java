package dev.readnext.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** An object with a global id ({@link Ids}), which Query.node and Query.nodes find again. */
@Interface("Node")
@Description("An object with a global id: pass the id to node(id:) or nodes(ids:) to fetch it again")
public interface Node {

    String ID = "Opaque global id, stable across releases; node(id:) returns this object";

    /**
     * The global id ({@link Ids#global}). Not getId(): Panache generates that for the entities' numeric id field.
     * SmallRye takes an implementation's field from the implementing method, so each repeats these annotations.
     */
    @Id
    @NonNull
    @Name("id")
    @Description(ID)
    String getNodeId();
}
