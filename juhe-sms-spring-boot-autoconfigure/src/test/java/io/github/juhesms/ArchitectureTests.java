package io.github.juhesms;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Architecture rules of the main code, after those Spring Boot applies to its own.
 */
class ArchitectureTests {

	// Imported once: reading the class files is the slow part of every rule.
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.juhesms");

	@Test
	void packagesAreFreeOfCycles() {
		// Every package is its own slice, so a cycle between two sibling packages shows.
		slices().matching("io.github.juhesms.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void autoConfigurationClassesArePublicAndFinal() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.check(CLASSES);
	}

	@Test
	void autoConfigurationClassesHaveNoPublicMembers() {
		// The implicit constructor of a public class is public; Boot needs no more than
		// that.
		ArchRule rule = members().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(AutoConfiguration.class)
			.and(areNotNoArgumentConstructors())
			.should()
			.notBePublic();
		rule.check(CLASSES);
	}

	@Test
	void conditionsAreNotPublic() {
		// A condition is named by its annotation; the class itself is no API.
		noClasses().that()
			.areAssignableTo(Condition.class)
			.and()
			.areNotInterfaces()
			.and()
			.doNotHaveModifier(JavaModifier.ABSTRACT)
			.should()
			.bePublic()
			.check(CLASSES);
	}

	@Test
	void caseConversionsNameALocale() {
		// Without a locale, the default one decides: "I".toLowerCase() is "ı" in Turkish.
		noClasses().should()
			.callMethod(String.class, "toLowerCase")
			.orShould()
			.callMethod(String.class, "toUpperCase")
			.because("String.toLowerCase(Locale.ROOT) and String.toUpperCase(Locale.ROOT) should be used instead")
			.check(CLASSES);
	}

	@Test
	void beanMethodsAreNotPublic() {
		methods().that().areAnnotatedWith(Bean.class).should().notBePublic().check(CLASSES);
	}

	private static DescribedPredicate<JavaMember> areNotNoArgumentConstructors() {
		return DescribedPredicate.describe("are not no-argument constructors",
				(member) -> !(member instanceof JavaConstructor constructor && constructor.getParameters().isEmpty()));
	}

}
