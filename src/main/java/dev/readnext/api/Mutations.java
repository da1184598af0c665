package dev.readnext.api;

/**
 * The convention of the mutations that take one input (GitHub's): {@code thingAction(input: ThingActionInput!):
 * ThingActionPayload!}, the payload carrying the changed object and the input's {@code clientMutationId}.
 */
public final class Mutations {

    public static final String CLIENT_MUTATION_ID = "Any text the client chooses to recognise the answer by; echoed"
            + " unchanged in the payload";
    public static final String CLIENT_MUTATION_ID_ECHOED = "The input's clientMutationId, unchanged; null when it had"
            + " none";
    /** Ends the deprecation reason of every mutation that a payload mutation replaces ("Use paperCreate" + …). */
    public static final String PAYLOAD = ", which takes one input and returns a payload with clientMutationId";

    private Mutations() {
    }
}
