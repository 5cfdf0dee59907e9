package com.minkshop.command.web;

import com.minkshop.api.common.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request its correlation id (the caller's {@code X-Correlation-Id} if valid, else a new UUID), echoes
 * it in the response header and keeps it in the logging MDC while the request is handled. First in the chain, so
 * every other filter, controller and error handler logs it and puts it into problem documents; the command gateway
 * copies it from the MDC into the command's metadata.
 * <p>
 * Runs again on an async dispatch (a command still retrying after a conflict) and on error dispatches, with the id
 * fixed on the first pass, because those run on other threads with an empty MDC.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = CorrelationFilter.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = (String) request.getAttribute(ATTRIBUTE);
        if (correlationId == null) {
            correlationId = CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
            request.setAttribute(ATTRIBUTE, correlationId);
        }
        if (!response.isCommitted()) {
            response.setHeader(CorrelationId.HEADER, correlationId);
        }
        String previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                               FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }
}
