package uk.mentoring.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every caller has an allowance, and the gateway's memory of callers does not grow with every address it ever heard from. */
class RequestLimitsTest {

    private final RequestLimits limits = new RequestLimits(1, 20, 1024);

    @Test
    void callers_with_their_whole_allowance_back_are_forgotten_once_many_are_known() {
        limits.allowanceOf("busy").tryConsume(15);
        for (int i = 0; i < RequestLimits.MOST_CALLERS + 10; i++) {
            limits.allowanceOf("passer-by-" + i);
        }

        assertThat(limits.callersRemembered()).isLessThan(20);
        assertThat(limits.allowanceOf("busy").getAvailableTokens()).as("a busy caller keeps what they have used").isLessThan(20);
    }

    @Test
    void a_caller_keeps_one_allowance() {
        limits.allowanceOf("lead").tryConsume(20);

        assertThat(limits.allowanceOf("lead").tryConsume(1)).isFalse();
        assertThat(limits.callersRemembered()).isEqualTo(1);
    }
}
