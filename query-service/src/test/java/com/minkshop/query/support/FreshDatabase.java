package com.minkshop.query.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each Spring test context an empty database before anything (Flyway, the processors) touches it. Test classes
 * using it also close their context afterwards ({@code @DirtiesContext}), so no stale processor ever competes with
 * the next context for the tokens.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.recreateWithEventStore();
    }
}
