package dev.avatarkit.http.dashboard;

/** A page's subject does not exist (a mistyped id, a batch with no jobs): a 404 page with this message. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
