package io.github.juhesms.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only requests that carry the configured token as
 * {@code Authorization: Bearer <token>}, compared in constant time; the others get 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	ApiTokenFilter(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		byte[] given = (authorization != null && authorization.startsWith(BEARER))
				? authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (!MessageDigest.isEqual(given, this.token)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			Problems.write(response, HttpStatus.UNAUTHORIZED,
					"Missing or wrong API token: send \"Authorization: Bearer <sample.api-token>\"");
			return;
		}
		chain.doFilter(request, response);
	}

}
