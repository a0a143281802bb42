package dev.avatarkit.runtime.doctor;

/**
 * The outcome of one {@code avatarkit doctor} check. A failed check keeps what was thrown, so the app decides its
 * exit code the way it decides every other (a refused key is not the same failure as a full disk).
 *
 * @param detail  what was found, safe to print (no secrets)
 * @param failure what went wrong, for a failed check only
 */
public record DoctorCheck(String name, Status status, String detail, RuntimeException failure) {
    public enum Status {
        PASS,
        SKIP,
        FAIL
    }

    public static DoctorCheck pass(String name, String detail) {
        return new DoctorCheck(name, Status.PASS, detail, null);
    }

    public static DoctorCheck skip(String name, String detail) {
        return new DoctorCheck(name, Status.SKIP, detail, null);
    }

    /** A failure, described as {@code where: what}. */
    public static DoctorCheck fail(String name, String where, RuntimeException failure) {
        return new DoctorCheck(name, Status.FAIL, where + ": " + Causes.message(failure), failure);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
