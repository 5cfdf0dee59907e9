package com.minkshop.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * JSON is the only body format. Spring adds a Jackson converter for every data format on the class path (springdoc
 * brings YAML), and those mappers have none of the REST mapper's strictness: unknown fields, fractions for integers
 * and text PostgreSQL cannot store would all pass as YAML. Without them, such a body is 415 UNSUPPORTED_MEDIA_TYPE.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodiesConfig implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter
                                         && !(converter instanceof MappingJackson2HttpMessageConverter));
    }
}
