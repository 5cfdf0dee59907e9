package com.minkshop.command.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTimeoutsCheckTest {

    @Test
    void acceptsTimeoutsWellBelowTheReadersGapTimeout() {
        assertThat(SessionTimeoutsCheck.problems(Map.of("statement_timeout", 10_000L,
                                                        "idle_in_transaction_session_timeout", 10_000L))).isEmpty();
    }

    @Test
    void warnsAboutATimeoutThatIsOff() {
        assertThat(SessionTimeoutsCheck.problems(Map.of("statement_timeout", 10_000L,
                                                        "idle_in_transaction_session_timeout", 0L)))
                .singleElement().asString().startsWith("idle_in_transaction_session_timeout is off");
    }

    @Test
    void warnsAboutATimeoutAtOrAboveTheGapTimeout() {
        assertThat(SessionTimeoutsCheck.problems(Map.of("statement_timeout", 60_000L,
                                                        "idle_in_transaction_session_timeout", 59_999L)))
                .singleElement().asString().startsWith("statement_timeout is 60 s");
    }
}
