package com.minkshop.command.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// the same configuration as the other API tests, so Spring reuses their application context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionTimeoutsCheckIT {

    @Autowired
    private SessionTimeoutsCheck check;

    @Test
    void findsNothingToWarnAboutWithTheServicesOwnSessionTimeouts() {
        assertThat(check.currentProblems()).isEmpty();
    }
}
