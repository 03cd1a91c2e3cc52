package io.vigil.collect.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.osgi.service.component.annotations.Component;

import io.vigil.collect.IntakeLog;

/** Writes what the workbench's collectors and HTTP intake report to the error log. */
@Component(service = IntakeLog.class)
public final class ErrorLogIntakeLog implements IntakeLog {

	@Override
	public void warn(String message) {
		ILog.of(ErrorLogIntakeLog.class).warn(message);
	}

	@Override
	public void info(String message) {
		ILog.of(ErrorLogIntakeLog.class).info(message);
	}
}
