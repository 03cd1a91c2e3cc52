package io.vigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

class VigilVersionTest {

	@Test
	void formatsReleaseAndBuild() {
		assertEquals("1.2.3 (build 202612031200)", VigilVersion.of(new Version(1, 2, 3, "202612031200")).toString());
		assertEquals("1.2.3", VigilVersion.of(new Version(1, 2, 3)).toString());
	}

	@Test
	void runningVersionIsTheCoreBundleVersion() {
		Version bundle = FrameworkUtil.getBundle(VigilVersion.class).getVersion();

		VigilVersion running = VigilVersion.running();

		assertEquals(bundle.getMajor() + "." + bundle.getMinor() + "." + bundle.getMicro(), running.release());
		assertFalse(running.build().isEmpty(), "a built bundle carries its build qualifier");
	}
}
