package io.vigil.app.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

import io.vigil.core.workspace.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The welcome: which workspace is open, whether it holds anything yet, and what to do first.
 * Links run workbench commands, so they follow the user's key bindings and preferences.
 */
public final class WelcomePart {

	private static final String SHOW_VIEW = "org.eclipse.ui.views.showView";
	private static final String SHOW_VIEW_ID = "org.eclipse.ui.views.showView.viewId";
	private static final String PREFERENCES = "org.eclipse.ui.window.preferences";

	private final Workspace workspace;
	private final ECommandService commands;
	private final EHandlerService handlers;
	private Image logo;
	private Control focus;

	/** Creates the part; the workbench injects the open workspace and the command services. */
	@Inject
	public WelcomePart(Workspace workspace, ECommandService commands, EHandlerService handlers) {
		this.workspace = workspace;
		this.commands = commands;
		this.handlers = handlers;
	}

	/** Builds the part's controls. */
	@PostConstruct
	public void create(Composite parent) {
		ScrolledComposite scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		Composite page = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).margins(24, 20).spacing(16, 10).applyTo(page);

		logo = new Image(parent.getDisplay(), WelcomePart.class.getResourceAsStream("/icons/vigil_64.png"));
		Label image = new Label(page, SWT.NONE);
		image.setImage(logo);
		GridDataFactory.swtDefaults().span(1, 2).align(SWT.BEGINNING, SWT.BEGINNING).applyTo(image);

		Label title = new Label(page, SWT.NONE);
		title.setText(Messages.WelcomePart_title);
		title.setFont(JFaceResources.getHeaderFont());
		Label state = new Label(page, SWT.WRAP);
		state.setText(NLS.bind(isEmpty() ? Messages.WelcomePart_emptyWorkspace : Messages.WelcomePart_workspace,
				workspace.root()));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(state);

		heading(page, Messages.WelcomePart_firstSteps);
		focus = step(page, Messages.WelcomePart_stepPreferences, Map.of("preferences", () -> run(PREFERENCES, null)));
		step(page, Messages.WelcomePart_stepImport, Map.of());
		step(page, Messages.WelcomePart_stepCollect, Map.of());
		step(page, Messages.WelcomePart_stepCommandLine, Map.of());
		step(page, Messages.WelcomePart_stepViews,
				Map.of("progress", () -> run(SHOW_VIEW, HomePerspective.PROGRESS_VIEW),
						"errorlog", () -> run(SHOW_VIEW, HomePerspective.ERROR_LOG_VIEW)));
		heading(page, Messages.WelcomePart_capabilities);
		step(page, Messages.WelcomePart_capabilitiesText, Map.of());

		scrolled.setContent(page);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, event -> {
			int width = scrolled.getClientArea().width;
			scrolled.setMinSize(page.computeSize(Math.max(width, 300), SWT.DEFAULT));
		});
	}

	/** A workspace is empty until it holds events: a file anywhere under its index folder. */
	private boolean isEmpty() {
		try (Stream<Path> files = Files.walk(workspace.indexDirectory())) {
			return files.noneMatch(Files::isRegularFile);
		} catch (IOException | UncheckedIOException e) {
			return false;
		}
	}

	private static void heading(Composite page, String text) {
		Label label = new Label(page, SWT.NONE);
		label.setText(text);
		label.setFont(JFaceResources.getBannerFont());
		GridDataFactory.fillDefaults().span(2, 1).indent(0, 12).applyTo(label);
	}

	private static Link step(Composite page, String text, Map<String, Runnable> actions) {
		new Label(page, SWT.NONE);
		Link link = new Link(page, SWT.WRAP);
		link.setText(text);
		link.addListener(SWT.Selection, event -> {
			Runnable action = actions.get(event.text);
			if (action != null) {
				action.run();
			}
		});
		GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(link);
		return link;
	}

	private void run(String commandId, String viewId) {
		Map<String, Object> parameters = viewId == null ? Map.of() : Map.of(SHOW_VIEW_ID, viewId);
		ParameterizedCommand command = commands.createCommand(commandId, parameters);
		handlers.executeHandler(command);
	}

	/** Gives the keyboard focus to the first link. */
	@Focus
	public void setFocus() {
		if (focus != null && !focus.isDisposed()) {
			focus.setFocus();
		}
	}

	/** Releases the logo image. */
	@PreDestroy
	public void dispose() {
		if (logo != null) {
			logo.dispose();
		}
	}
}
