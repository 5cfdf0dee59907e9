package com.minkshop.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that went away (an event stream's reader, a waiting read) is no server error and gets no answer. */
class ClientGoneTest {

    @Test
    void aVanishedClientIsNeitherAnsweredNorReportedAsAServerError() {
        AsyncRequestNotUsableException gone = new AsyncRequestNotUsableException(
                "ServletOutputStream failed to flush: java.io.IOException: Broken pipe");

        Method chosen = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class).resolveMethod(gone);

        assertThat(chosen).isNotNull();
        assertThat(chosen.getName()).isEqualTo("clientGone");
        assertThat(new ApiExceptionHandler().clientGone(gone)).isNull();
    }
}
