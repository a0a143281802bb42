package dev.avatarkit.sim;

/** Which API family a route belongs to; each has its own envelopes and error shapes. */
public enum Generation {
    V1,
    V2,
    V3,
    SIM
}
