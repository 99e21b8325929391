package org.hubql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hash check against values JupyterHub's own {@code hash_token} produces (computed with Python's hashlib). */
class JupyterHubHashTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String ONE_ROUND =
            "sha512:1:2e9bfd6b84a040df:b9f7e91a52855656cd35b819c87df066b6d392c0da608127512f"
                    + "7eac622daf437a202b9358799dddd7f1a31b6b82148df80358e8d5b26f7a09436a4bae287d77";
    private static final String USER_PROVIDED = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String MANY_ROUNDS =
            "sha512:16384:8d3a1f0c5b7e9a24:7486cfaa5d05387c9be6b2e4e38998b6402e72350fa0fa847b"
                    + "7455820045d57ad0e01fa8d66dbdc7d66200709f1aaf8df059e3100792b8c401ffdeb808153a86";

    @Test
    void a_generated_token_matches_its_one_round_hash() {
        assertThat(JupyterHubHash.matches(ONE_ROUND, TOKEN)).isTrue();
    }

    @Test
    void a_user_provided_token_matches_its_16384_round_hash() {
        assertThat(JupyterHubHash.matches(MANY_ROUNDS, USER_PROVIDED)).isTrue();
    }

    @Test
    void a_token_that_differs_in_any_one_character_does_not_match() {
        for (int i = 0; i < TOKEN.length(); i++) {
            char changed = TOKEN.charAt(i) == 'f' ? 'e' : (char) (TOKEN.charAt(i) + 1);
            String wrong = TOKEN.substring(0, i) + changed + TOKEN.substring(i + 1);
            assertThat(JupyterHubHash.matches(ONE_ROUND, wrong)).as(wrong).isFalse();
        }
        assertThat(JupyterHubHash.matches(ONE_ROUND, TOKEN + "0")).isFalse();
        assertThat(JupyterHubHash.matches(ONE_ROUND, TOKEN.substring(1))).isFalse();
    }

    @Test
    void malformed_stored_hashes_never_match() {
        for (String hashed : new String[] {
            null,
            "",
            "sha512",
            "md5:1:2e9bfd6b84a040df:00",
            "sha512:x:salt:00",
            "sha512:0:2e9bfd6b84a040df:00",
            "sha512:99999999:salt:00",
            "sha512:1:2e9bfd6b84a040df"
        }) {
            assertThat(JupyterHubHash.matches(hashed, TOKEN))
                    .as(String.valueOf(hashed))
                    .isFalse();
        }
    }

    @Test
    void the_cache_key_is_a_hash_not_the_token() {
        assertThat(JupyterHubHash.fingerprint(TOKEN)).hasSize(64).doesNotContain(TOKEN.substring(0, 8));
    }

    @Test
    void each_fingerprint_is_the_sha256_of_its_token_alone_whatever_came_before() throws Exception {
        for (String token : new String[] {TOKEN, "other", TOKEN, "", "ünïcode-token"}) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            assertThat(JupyterHubHash.fingerprint(token))
                    .as(token)
                    .isEqualTo(HexFormat.of().formatHex(digest));
        }
    }
}
