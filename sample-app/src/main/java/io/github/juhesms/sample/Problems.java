package io.github.juhesms.sample;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details written by the filters, which answer before Spring MVC does.
 */
final class Problems {

	private Problems() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// The details are the filters' own constant texts: nothing to escape but quotes.
		response.getWriter()
			.write("{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
					+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

}
