package dev.avatarkit.testkit.fakes;

/** Thrown by fakes to stand for {@code kill -9} at that point: an Error, so no engine code catches it. */
public final class SimulatedCrash extends Error {
    public SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
