package com.minkshop.command.web;

import com.minkshop.command.web.HandlerValidation.ValidatorOnlyWhereNeeded;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers without constraints no longer look up validation groups per request; constrained ones are still
 * validated, and the application's MVC set-up uses this adapter.
 */
@WebMvcTest
@Import(WebTestConfig.class)
class HandlerValidationTest {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Test
    void theApplicationsHandlerAdapterIsTheOneThatSkipsUnneededValidation() {
        assertThat(adapter).isInstanceOf(ValidatorOnlyWhereNeeded.class);
    }

    @Test
    void aHandlerWithoutConstraintsNeverConsultsTheValidator() throws Exception {
        CountingValidator validator = new CountingValidator();
        ServletInvocableHandlerMethod handler = invocable("plain", validator);

        Object result = handler.invokeForRequest(new ServletWebRequest(new MockHttpServletRequest()), null, "x");

        assertThat(result).isEqualTo("plain x");
        assertThat(validator.groupLookups).isZero();
        assertThat(validator.validations).isZero();
    }

    @Test
    void aHandlerWithConstrainedArgumentsIsStillValidated() throws Exception {
        CountingValidator validator = new CountingValidator();
        ServletInvocableHandlerMethod handler = invocable("bounded", validator);

        Object result = handler.invokeForRequest(new ServletWebRequest(new MockHttpServletRequest()), null, 3);

        assertThat(result).isEqualTo("bounded 3");
        assertThat(validator.groupLookups).isEqualTo(1);
        assertThat(validator.validations).isEqualTo(1);
    }

    /** As Spring MVC prepares a mapped handler: validation flags from startup, then the validator per request. */
    private static ServletInvocableHandlerMethod invocable(String name, MethodValidator validator) {
        Method method = Arrays.stream(Handlers.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        HandlerMethod mapped = new HandlerMethod(new Handlers(), method).createWithValidateFlags();
        ServletInvocableHandlerMethod handler = new ValidatorOnlyWhereNeeded().createInvocableHandlerMethod(mapped);
        handler.setMethodValidator(validator);
        return handler;
    }

    static class Handlers {

        String plain(String value) {
            return "plain " + value;
        }

        String bounded(@Min(1) Integer value) {
            return "bounded " + value;
        }
    }

    /** Accepts everything and counts how often Spring asked. */
    private static final class CountingValidator implements MethodValidator {

        int groupLookups;
        int validations;

        @Override
        public Class<?>[] determineValidationGroups(Object target, Method method) {
            groupLookups++;
            return new Class<?>[0];
        }

        @Override
        public MethodValidationResult validateArguments(Object target, Method method, MethodParameter[] parameters,
                                                        Object[] arguments, Class<?>[] groups) {
            validations++;
            return MethodValidationResult.emptyResult();
        }

        @Override
        public MethodValidationResult validateReturnValue(Object target, Method method, MethodParameter returnType,
                                                          Object returnValue, Class<?>[] groups) {
            validations++;
            return MethodValidationResult.emptyResult();
        }
    }
}
