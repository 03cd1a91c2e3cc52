package io.vigil.incidents.report;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.incidents.Incident;

/**
 * An incident's ATT&amp;CK techniques as a layer file for the MITRE ATT&amp;CK Navigator (layer
 * format 4.5, Enterprise domain): each technique scored 1 and coloured, with the incident named in
 * its comment; a parent technique is shown with its sub-techniques opened.
 */
public final class NavigatorLayer {

	private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
	private static final String COLOR = "#e05c4b";

	private NavigatorLayer() {
	}

	/** Returns the layer of an incident. Ids that are not technique ids are left out. */
	public static ObjectNode of(Incident incident, ObjectMapper json) {
		ObjectNode layer = json.createObjectNode();
		layer.put("name", incident.id() + " " + incident.title());
		ObjectNode versions = layer.putObject("versions");
		versions.put("attack", "16");
		versions.put("navigator", "5.1.0");
		versions.put("layer", "4.5");
		layer.put("domain", "enterprise-attack");
		layer.put("description", "Techniques seen in incident " + incident.id() + " (TLP:"
				+ incident.tlp().name().replace('_', '+') + ")");
		Set<String> parents = new LinkedHashSet<>();
		Set<String> techniques = new LinkedHashSet<>();
		for (String id : incident.techniques()) {
			String technique = id.strip().toUpperCase(Locale.ROOT);
			if (TECHNIQUE.matcher(technique).matches()) {
				techniques.add(technique);
				if (technique.contains(".")) {
					parents.add(technique.substring(0, technique.indexOf('.')));
				}
			}
		}
		ArrayNode list = layer.putArray("techniques");
		for (String technique : techniques) {
			ObjectNode entry = list.addObject();
			entry.put("techniqueID", technique);
			entry.put("score", 1);
			entry.put("color", COLOR);
			entry.put("comment", "seen in " + incident.id());
			entry.put("enabled", true);
			entry.put("showSubtechniques", parents.contains(technique));
		}
		for (String parent : parents) {
			if (!techniques.contains(parent)) {
				ObjectNode entry = list.addObject();
				entry.put("techniqueID", parent);
				entry.put("enabled", true);
				entry.put("showSubtechniques", true);
			}
		}
		ObjectNode gradient = layer.putObject("gradient");
		gradient.putArray("colors").add("#ffffff").add(COLOR);
		gradient.put("minValue", 0);
		gradient.put("maxValue", 1);
		layer.putArray("legendItems").addObject().put("label", "seen in the incident").put("color", COLOR);
		layer.putArray("metadata").addObject().put("name", "incident").put("value", incident.id());
		layer.put("selectTechniquesAcrossTactics", true);
		layer.put("selectSubtechniquesWithParent", false);
		return layer;
	}

	/** Returns the ATT&amp;CK web page of a technique ({@code T1110.001} gives {@code .../T1110/001/}). */
	public static String url(String technique) {
		return "https://attack.mitre.org/techniques/" + technique.strip().toUpperCase(Locale.ROOT).replace('.', '/') + "/";
	}
}
