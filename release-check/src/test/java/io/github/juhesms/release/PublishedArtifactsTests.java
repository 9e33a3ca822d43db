package io.github.juhesms.release;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys a copy of the whole build to a file repository, as a release would deploy it,
 * and checks what lands there: only the library's modules, each with the project's own
 * metadata (never Spring's, which an inherited spring-boot-starter-parent would bring),
 * and every jar with its sources and javadoc jars.
 */
class PublishedArtifactsTests {

	private static final Set<String> PUBLISHED = Set.of("juhe-sms-spring-boot-parent",
			"juhe-sms-spring-boot-dependencies", "juhe-sms-spring-boot-autoconfigure", "juhe-sms-spring-boot-starter",
			"juhe-sms-spring-boot-test");

	private static final Set<String> JARS = Set.of("juhe-sms-spring-boot-autoconfigure", "juhe-sms-spring-boot-starter",
			"juhe-sms-spring-boot-test");

	private static final String PROJECT_URL = "https://github.com/juhesms/juhe-sms-spring-boot";

	@TempDir
	static Path work;

	private static Path published;

	@BeforeAll
	static void deployACopyOfTheBuild() throws Exception {
		Path project = Path.of(System.getProperty("juhe.release-check.project")).toRealPath();
		Path copy = work.resolve("project");
		copySources(project, copy);
		Path repository = work.resolve("repository");
		Path log = work.resolve("deploy.log");
		List<String> command = new ArrayList<>(
				List.of(copy.resolve("mvnw").toString(), "-B", "deploy", "-pl", "!release-check", "-DskipTests",
						"-Dinvoker.skip=true", "-DaltDeploymentRepository=release-check::" + repository.toUri(),
						"-Dspring-boot.version=" + System.getProperty("juhe.release-check.boot-version"),
						"-Dmaven.repo.local=" + System.getProperty("juhe.release-check.local-repository")));
		ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process deploy = builder.start();
		boolean ended = deploy.waitFor(10, TimeUnit.MINUTES);
		if (!ended) {
			deploy.destroyForcibly();
		}
		assertThat(ended && deploy.exitValue() == 0).as("mvnw deploy of the copy failed:%n%s", tail(log)).isTrue();
		published = repository.resolve("io/github/juhesms");
	}

	@Test
	void onlyTheLibraryModulesArePublished() throws IOException {
		try (Stream<Path> artifacts = Files.list(published)) {
			assertThat(artifacts.map((path) -> path.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(PUBLISHED);
		}
	}

	static Stream<String> jars() {
		return JARS.stream();
	}

	@ParameterizedTest
	@MethodSource("jars")
	void everyJarHasItsSourcesAndJavadoc(String artifactId) throws IOException {
		List<String> sources = entries(file(artifactId, "-sources.jar"));
		List<String> javadoc = entries(file(artifactId, "-javadoc.jar"));
		assertThat(entries(file(artifactId, ".jar"))).isNotEmpty();
		if (artifactId.equals("juhe-sms-spring-boot-starter")) {
			// No code of its own: both hold a README pointing to the auto-configuration
			// module.
			assertThat(sources).contains("README.txt");
			assertThat(javadoc).contains("README.txt");
		}
		else {
			assertThat(sources).anyMatch((entry) -> entry.startsWith("io/github/juhesms/") && entry.endsWith(".java"));
			assertThat(javadoc).contains("index.html")
				.anyMatch((entry) -> entry.startsWith("io/github/juhesms/") && entry.endsWith("package-summary.html"));
		}
	}

	@Test
	void noPublishedPomCarriesSpringsMetadata() throws Exception {
		for (String artifactId : PUBLISHED) {
			Document pom = pom(artifactId);
			Element parent = child(pom.getDocumentElement(), "parent");
			if (parent != null) {
				assertThat(text(parent, "artifactId")).as(artifactId + " parent")
					.isEqualTo("juhe-sms-spring-boot-parent");
			}
			for (String metadata : List.of("url", "organization", "licenses", "developers", "scm", "issueManagement")) {
				Element element = child(pom.getDocumentElement(), metadata);
				if (element != null) {
					assertThat(element.getTextContent()).as(artifactId + " " + metadata)
						.doesNotContainIgnoringCase("spring.io")
						.doesNotContainIgnoringCase("vmware")
						.doesNotContainIgnoringCase("broadcom")
						.doesNotContainIgnoringCase("pivotal");
				}
			}
			assertThat(text(pom.getDocumentElement(), "name")).as(artifactId + " name").isNotBlank();
			assertThat(text(pom.getDocumentElement(), "description")).as(artifactId + " description").isNotBlank();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "juhe-sms-spring-boot-parent", "juhe-sms-spring-boot-dependencies" })
	void theTopPomsCarryTheProjectsOwnMetadata(String artifactId) throws Exception {
		Element project = pom(artifactId).getDocumentElement();
		assertThat(text(project, "url")).isEqualTo(PROJECT_URL);
		assertThat(text(child(project, "scm"), "url")).isEqualTo(PROJECT_URL);
		assertThat(text(child(child(project, "licenses"), "license"), "name")).isEqualTo("Apache License, Version 2.0");
		assertThat(text(child(child(project, "developers"), "developer"), "name")).isNotBlank();
	}

	@Test
	void theBillOfMaterialsManagesTheModulesAndNothingElse() throws Exception {
		Element project = pom("juhe-sms-spring-boot-dependencies").getDocumentElement();
		// No parent: importing the BOM must not import a Spring Boot version into the
		// application.
		assertThat(child(project, "parent")).isNull();
		NodeList dependencies = child(child(project, "dependencyManagement"), "dependencies")
			.getElementsByTagName("dependency");
		List<String> managed = new ArrayList<>();
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			assertThat(text(dependency, "groupId")).isEqualTo("io.github.juhesms");
			assertThat(text(dependency, "version")).isEqualTo("${project.version}");
			managed.add(text(dependency, "artifactId"));
		}
		assertThat(managed).containsExactlyInAnyOrderElementsOf(JARS);
	}

	private static Document pom(String artifactId) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file(artifactId, ".pom").toFile());
	}

	/**
	 * The newest deployed file of the artifact whose name ends with the suffix after the
	 * version.
	 */
	private static Path file(String artifactId, String suffix) throws IOException {
		Path versionDirectory = published.resolve(artifactId).resolve(System.getProperty("juhe.release-check.version"));
		try (Stream<Path> files = Files.list(versionDirectory)) {
			// A snapshot's files are named
			// artifactId-0.1.0-yyyyMMdd.HHmmss-n[-classifier].ext.
			return files
				.filter((path) -> path.getFileName()
					.toString()
					.matches(Pattern.quote(artifactId) + "-[^-]+-\\d{8}\\.\\d{6}-\\d+" + Pattern.quote(suffix)))
				.max(Path::compareTo)
				.orElseThrow(() -> new AssertionError("no " + artifactId + " *" + suffix + " in " + versionDirectory));
		}
	}

	private static List<String> entries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream().map(ZipEntry::getName).toList();
		}
	}

	private static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	private static String text(Element parent, String name) {
		Element element = child(parent, name);
		return (element != null) ? element.getTextContent().trim() : null;
	}

	/** The sources only: build outputs and Git's files are left behind. */
	private static void copySources(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				String name = directory.getFileName().toString();
				if (!directory.equals(from) && (name.equals("target") || name.equals(".git"))) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(to.resolve(from.relativize(directory).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

}
