package example;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class Boot3ApplicationTests {

	private static final String SENTENCE = "juhe-sms-spring-boot-starter needs Spring Boot 4.0 or later but this "
			+ "application runs Spring Boot 3.5.7: upgrade it to Spring Boot 4.1 (or 4.0), as no release of the "
			+ "starter supports Spring Boot 3";

	@Test
	void startUpFailsWithOneSentenceNamingTheBootLine(CapturedOutput output) {
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringApplication.run(Boot3Application.class, "--juhe.sms.key=k"))
			.withMessage(SENTENCE);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Description:\n\n" + SENTENCE);
	}

}
