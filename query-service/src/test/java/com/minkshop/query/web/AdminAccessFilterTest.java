package com.minkshop.query.web;

import com.minkshop.query.config.QueryProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAccessFilterTest {

    @Test
    void loopbackClientsMayUseAdminEndpoints() throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter(properties(null));

        assertThat(passes(filter, request("POST", "127.0.0.1", null))).isTrue();
        assertThat(passes(filter, request("POST", "::1", null))).isTrue();
    }

    // whatever the method, a remote client learns nothing a request to an unknown path would not tell it
    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "PUT", "DELETE", "OPTIONS"})
    void remoteClientsGetANotFoundWithoutAToken(String method) throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter(properties(null));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request(method, "10.1.2.3", "anything"), response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void remoteClientsWithTheConfiguredTokenAreLetIn() throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter(properties("s3cret"));

        assertThat(passes(filter, request("POST", "10.1.2.3", "s3cret"))).isTrue();
        assertThat(passes(filter, request("POST", "10.1.2.3", "wrong"))).isFalse();
    }

    private static boolean passes(AdminAccessFilter filter, MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }

    private static MockHttpServletRequest request(String method, String address, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/admin/projections/rebuild");
        request.setRemoteAddr(address);
        if (token != null) {
            request.addHeader(AdminAccessFilter.TOKEN_HEADER, token);
        }
        return request;
    }

    private static QueryProperties properties(String token) {
        return new QueryProperties(new QueryProperties.EventStore("eventstore", Duration.ofMillis(50), 100, 1000),
                                   new QueryProperties.ReadYourWrites(Duration.ofSeconds(3), Duration.ofSeconds(1)),
                                   new QueryProperties.Dashboard(10, 10, Duration.ofMinutes(1)),
                                   new QueryProperties.DeadLetters(Duration.ofMinutes(1)),
                                   new QueryProperties.Admin(token));
    }
}
