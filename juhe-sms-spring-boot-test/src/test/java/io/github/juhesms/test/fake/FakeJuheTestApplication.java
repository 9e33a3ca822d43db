package io.github.juhesms.test.fake;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of this module's {@code @SpringBootTest}s: nothing but
 * auto-configuration, so the starter's own beans are what is tested.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class FakeJuheTestApplication {

}
