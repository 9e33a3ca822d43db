package io.github.juhesms.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every {@link JuheOperation} constant of the starter's main code, found in its class
 * files.
 */
final class DeclaredOperations {

	private static final String DESCRIPTOR = Type.getDescriptor(JuheOperation.class);

	private DeclaredOperations() {
	}

	/**
	 * The static {@link JuheOperation} fields of every class in the starter's jar or
	 * classes directory.
	 * @return the operations, of all products
	 */
	static List<JuheOperation> all() {
		List<JuheOperation> operations = new ArrayList<>();
		for (Resource classFile : classFiles()) {
			OperationFields fields = new OperationFields();
			try (InputStream in = classFile.getInputStream()) {
				// Read with ASM first: loading every class to reflect on it would fail on
				// the
				// Redis classes, whose optional dependency is not on this classpath.
				new ClassReader(in).accept(fields, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (String name : fields.names) {
				operations.add(value(fields.className, name));
			}
		}
		return operations;
	}

	// Only the starter's own classes: the test-jar on this classpath declares test
	// operations in the same packages.
	private static Resource[] classFiles() {
		URL location = JuheProduct.class.getProtectionDomain().getCodeSource().getLocation();
		String root = location.toString().endsWith(".jar") ? "jar:" + location + "!/" : location.toString();
		try {
			return new PathMatchingResourcePatternResolver().getResources(root + "io/github/juhesms/**/*.class");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JuheOperation value(String className, String fieldName) {
		try {
			Field field = Class.forName(className).getDeclaredField(fieldName);
			field.setAccessible(true);
			return (JuheOperation) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + className + "." + fieldName, ex);
		}
	}

	private static final class OperationFields extends ClassVisitor {

		private final List<String> names = new ArrayList<>();

		private String className = "";

		OperationFields() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName,
				String[] interfaces) {
			this.className = Type.getObjectType(name).getClassName();
		}

		@Override
		public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
			if (Modifier.isStatic(access) && DESCRIPTOR.equals(descriptor)) {
				this.names.add(name);
			}
			return null;
		}

	}

}
