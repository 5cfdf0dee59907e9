package com.minkshop.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers a request body above {@code minkshop.web.max-body-size} with 413 PAYLOAD_TOO_LARGE before anything reads
 * it. Nothing else bounds a JSON body: the idempotency filter reads it whole, Jackson binds every element of an
 * oversized list, and validation then reports each one, so a few megabytes of {@code {}} items would take the heap.
 * The largest valid command (an order of 100 lines with 200-character names, all escaped) is about 150 KB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final ObjectMapper webMapper;

    BodySizeLimitFilter(@Value("${minkshop.web.max-body-size:256KB}") DataSize maxBodySize, ObjectMapper webMapper) {
        this.maxBytes = Math.toIntExact(maxBodySize.toBytes());
        this.webMapper = webMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // chunked: no length announced, so read up to one byte past the limit to know
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.send(request, response, Problems.problem(
                ErrorCode.PAYLOAD_TOO_LARGE, "The request body must be at most " + maxBytes + " bytes."), webMapper);
    }
}
