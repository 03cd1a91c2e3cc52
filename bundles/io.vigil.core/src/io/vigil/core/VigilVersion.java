package io.vigil.core;

import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The version of Vigil that is running, taken from the core bundle's own version, so that the
 * command line, the about dialog and the workspace records always agree.
 *
 * @param release the release part, {@code major.minor.micro}
 * @param build the build qualifier (a timestamp for built bundles), or an empty string
 */
public record VigilVersion(String release, String build) {

	/** Creates a version; {@code build} may be empty but not {@code null}. */
	public VigilVersion {
		Objects.requireNonNull(release, "release");
		Objects.requireNonNull(build, "build");
	}

	/**
	 * Returns the version of the running Vigil.
	 *
	 * @return the version of the bundle that holds this class, or {@code 0.0.0} when it is not
	 *         loaded by an OSGi framework (plain unit tests)
	 */
	public static VigilVersion running() {
		Bundle bundle = FrameworkUtil.getBundle(VigilVersion.class);
		return bundle == null ? new VigilVersion("0.0.0", "") : of(bundle.getVersion());
	}

	/** Returns the Vigil version that corresponds to an OSGi bundle version. */
	public static VigilVersion of(Version version) {
		String release = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
		return new VigilVersion(release, version.getQualifier());
	}

	/** Returns {@code release} followed by the build in parentheses when there is one. */
	@Override
	public String toString() {
		return build.isEmpty() ? release : release + " (build " + build + ")";
	}
}
