package com.minkshop.command.interceptors;

/**
 * Where each handler interceptor sits in the chain, outermost first. Logging, timing and metrics wrap the
 * error translation so they see the translated outcome.
 */
final class InterceptorOrder {

    static final int LOGGING = 100;
    static final int TIMING = 200;
    static final int METRICS = 250;
    static final int ERROR_TRANSLATION = 300;

    private InterceptorOrder() {
    }
}
