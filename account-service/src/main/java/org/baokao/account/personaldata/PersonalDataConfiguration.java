package org.baokao.account.personaldata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and checks {@link PersonalDataProperties} when the service starts and provides the
 * {@link PersonalDataProtector}: a missing or short key stops the start with a message naming the setting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    PersonalDataProtector personalDataProtector(PersonalDataProperties properties) {
        return new PersonalDataProtector(properties);
    }
}
