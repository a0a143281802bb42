package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.testkit.provider.AvatarProviderContract;
import org.junit.jupiter.api.Nested;

/** The in-memory avatar fake passes the port contract, keyed (v3-like) and in legacy-like phases. */
class FakeAvatarProviderContractTest extends AvatarProviderContract {
    private final FakeAvatarProvider provider = FakeAvatarProvider.v3Like(4);

    @Override
    protected AvatarProvider provider() {
        return provider;
    }

    @Override
    protected void letRendersProgress() {
        // every status read moves a fake look on; nothing else has to pass
    }

    /** Unkeyed creates, and identities that move to a successor ref on their first status read. */
    @Nested
    class LegacyLikeInPhases extends AvatarProviderContract {
        private final FakeAvatarProvider legacy =
                FakeAvatarProvider.legacyLike(4).identitiesInPhases();

        @Override
        protected AvatarProvider provider() {
            return legacy;
        }

        @Override
        protected void letRendersProgress() {
            // as above
        }
    }
}
