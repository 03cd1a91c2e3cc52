package io.vigil.rules.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.rules.CompileResult;
import io.vigil.rules.MappingProfiles;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleKind;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleProblem;
import io.vigil.rules.eval.CorrelationSpec;
import io.vigil.rules.eval.EventView;

class SigmaRuleParserTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private final SigmaRuleParser parser = new SigmaRuleParser(MappingProfiles.defaults());

	private Rule rule(String detection) {
		CompileResult result = parser.compile("""
				title: Test rule
				id: 5c3a1e4e-0000-4000-8000-000000000001
				level: high
				tags: [attack.credential-access, attack.t1110.001, attack.t1059]
				logsource: {product: vigil}
				detection:
				""" + detection.indent(2), "test.yml");
		assertEquals(List.of(), result.problems());
		return result.rules().get(0);
	}

	private static boolean matches(Rule rule, String json) throws Exception {
		ObjectNode event = (ObjectNode) JSON.readTree(json);
		return rule.matcher().matches(new EventView("e1", Instant.EPOCH, event), null);
	}

	@Test
	void headerCarriesLevelTagsAndAttackIds() {
		Rule rule = rule("sel: {summary: x}\ncondition: sel");
		assertEquals(RuleLevel.HIGH, rule.header().level());
		assertEquals(List.of("T1110.001", "T1059"), rule.header().attackIds());
		assertEquals(RuleKind.SIGMA, rule.kind());
	}

	@Test
	void plainValuesAreWholeAndCaseInsensitiveWithWildcards() throws Exception {
		Rule rule = rule("sel:\n  processname: SSH?\n  summary: 'Failed * for root*'\ncondition: sel");
		assertTrue(matches(rule, "{\"processname\":\"sshd\",\"summary\":\"failed password for root from x\"}"));
		assertFalse(matches(rule, "{\"processname\":\"sshd2\",\"summary\":\"Failed password for root\"}"));
		assertFalse(matches(rule, "{\"processname\":\"sshd\",\"summary\":\"Accepted password for root\"}"));
	}

	@Test
	void stringModifiers() throws Exception {
		Rule rule = rule("""
				sel:
				  CommandLine|contains|all: [curl, '| sh']
				  Image|endswith: /bash
				  details.cwd|startswith: /tmp
				condition: sel""");
		assertTrue(matches(rule, "{\"details\":{\"command\":\"CURL http://x | sh\",\"exe\":\"/bin/bash\",\"cwd\":\"/tmp/a\"}}"));
		assertFalse(matches(rule, "{\"details\":{\"command\":\"curl http://x\",\"exe\":\"/bin/bash\",\"cwd\":\"/tmp/a\"}}"));
		assertFalse(matches(rule, "{\"details\":{\"command\":\"curl x | sh\",\"exe\":\"/bin/zsh\",\"cwd\":\"/tmp\"}}"));
	}

	@Test
	void casedRegexCidrNumbersAndExists() throws Exception {
		Rule cased = rule("sel: {summary|cased: Root}\ncondition: sel");
		assertTrue(matches(cased, "{\"summary\":\"Root\"}"));
		assertFalse(matches(cased, "{\"summary\":\"root\"}"));
		Rule regex = rule("sel: {summary|re|i: '^failed .* from \\d+\\.'}\ncondition: sel");
		assertTrue(matches(regex, "{\"summary\":\"FAILED login from 10.0.0.1\"}"));
		Rule cidr = rule("sel: {SourceIp|cidr: [10.0.0.0/8, 'fd00::/8']}\ncondition: sel");
		assertTrue(matches(cidr, "{\"details\":{\"sourceipaddress\":\"10.2.3.4\"}}"));
		assertTrue(matches(cidr, "{\"details\":{\"sourceipaddress\":\"fd12::1\"}}"));
		assertFalse(matches(cidr, "{\"details\":{\"sourceipaddress\":\"192.168.1.1\"}}"));
		Rule number = rule("sel: {DestinationPort|gte: 1024, details.bytes|lt: 10}\ncondition: sel");
		assertTrue(matches(number, "{\"details\":{\"destinationport\":8080,\"bytes\":\"3\"}}"));
		assertFalse(matches(number, "{\"details\":{\"destinationport\":22,\"bytes\":3}}"));
		Rule exists = rule("sel: {User|exists: true, details.error|exists: false}\ncondition: sel");
		assertTrue(matches(exists, "{\"details\":{\"username\":\"a\"}}"));
		assertFalse(matches(exists, "{\"details\":{\"username\":\"a\",\"error\":\"x\"}}"));
		Rule missing = rule("sel: {User: null}\ncondition: sel");
		assertTrue(matches(missing, "{\"details\":{}}"));
		assertFalse(matches(missing, "{\"details\":{\"username\":\"a\"}}"));
	}

	@Test
	void base64AndOffsetsFindTheValueInsideEncodedText() throws Exception {
		String encoded = Base64.getEncoder().encodeToString("xx IEX (New-Object Net.WebClient) yy".getBytes(StandardCharsets.UTF_8));
		Rule offset = rule("sel: {CommandLine|base64offset|contains: 'New-Object'}\ncondition: sel");
		for (String prefix : List.of("", "a", "ab", "abc")) {
			String text = Base64.getEncoder().encodeToString((prefix + "New-Object Net").getBytes(StandardCharsets.UTF_8));
			assertTrue(matches(offset, "{\"details\":{\"command\":\"powershell -enc " + text + "\"}}"), prefix);
		}
		assertTrue(matches(offset, "{\"details\":{\"command\":\"" + encoded + "\"}}"));
		Rule plain = rule("sel: {CommandLine|base64: 'whoami'}\ncondition: sel");
		assertTrue(matches(plain, "{\"details\":{\"command\":\"d2hvYW1p\"}}"));
		String wide = Base64.getEncoder().encodeToString("ping".getBytes(StandardCharsets.UTF_16LE));
		Rule utf16 = rule("sel: {CommandLine|wide|base64: 'ping'}\ncondition: sel");
		assertTrue(matches(utf16, "{\"details\":{\"command\":\"" + wide + "\"}}"));
	}

	@Test
	void windashAcceptsEveryDash() throws Exception {
		Rule rule = rule("sel: {CommandLine|windash|contains: ' -enc '}\ncondition: sel");
		assertTrue(matches(rule, "{\"details\":{\"command\":\"powershell /enc AAA\"}}"));
		assertTrue(matches(rule, "{\"details\":{\"command\":\"powershell \u2013enc AAA\"}}"));
		assertFalse(matches(rule, "{\"details\":{\"command\":\"powershell enc AAA\"}}"));
	}

	@Test
	void conditionsWithQuantifiersNotAndParentheses() throws Exception {
		Rule rule = rule("""
				sel_a: {summary|contains: alpha}
				sel_b: {summary|contains: beta}
				filter_1: {hostname: trusted}
				keywords: [gamma, delta]
				condition: (1 of sel_* and not 1 of filter_*) or (keywords and all of sel_*)""");
		assertTrue(matches(rule, "{\"summary\":\"alpha\",\"hostname\":\"web\"}"));
		assertFalse(matches(rule, "{\"summary\":\"alpha\",\"hostname\":\"trusted\"}"));
		assertTrue(matches(rule, "{\"summary\":\"alpha beta delta\",\"hostname\":\"trusted\"}"));
		Rule them = rule("a: {summary|contains: x}\nb: {summary|contains: y}\ncondition: all of them");
		assertTrue(matches(them, "{\"summary\":\"x y\"}"));
		assertFalse(matches(them, "{\"summary\":\"x\"}"));
	}

	@Test
	void listOfMappingsIsAnOr() throws Exception {
		Rule rule = rule("sel:\n  - {summary: a}\n  - {hostname: b}\ncondition: sel");
		assertTrue(matches(rule, "{\"hostname\":\"b\"}"));
		assertFalse(matches(rule, "{\"hostname\":\"c\"}"));
	}

	@Test
	void problemsNameFileLineAndWhat() {
		CompileResult result = parser.compile("""
				title: Broken
				logsource: {product: vigil}
				detection:
				  sel:
				    summary|sounds_like: x
				  condition: sel
				""", "rules/broken.yml");
		assertEquals(List.of(new RuleProblem("rules/broken.yml", 5, "Broken",
				"unsupported field modifier 'sounds_like' in 'summary|sounds_like'")), result.problems());
		CompileResult condition = parser.compile("title: C\nlogsource: {product: vigil}\ndetection:\n  sel: {a: 1}\n"
				+ "  condition: sel and (other\n", "c.yml");
		assertEquals(5, condition.problems().get(0).line());
		assertTrue(condition.problems().get(0).message().contains("'other'"), condition.problems().toString());
		CompileResult yaml = parser.compile("title: [unclosed\n", "y.yml");
		assertTrue(yaml.problems().get(0).message().startsWith("not well-formed YAML"), yaml.problems().toString());
		CompileResult aggregation = parser.compile("title: A\nlogsource: {product: vigil}\ndetection:\n  sel: {a: 1}\n"
				+ "  condition: sel | count() by b > 5\n", "a.yml");
		assertTrue(aggregation.problems().get(0).message().contains("correlation"));
		// An old draft of a SigmaHQ rule wrote a correlation's condition into its detection.
		CompileResult mapping = parser.compile("title: M\nlogsource: {product: vigil}\ndetection:\n  sel: {a: 1}\n"
				+ "  condition:\n    gte: 1\n", "m.yml");
		assertEquals("the condition is a mapping ({\"gte\":1}), where an expression such as 'selection and not filter'"
				+ " belongs", mapping.problems().get(0).message());
		assertEquals(5, mapping.problems().get(0).line());
	}

	@Test
	void unmappedLogSourceIsMarked() {
		CompileResult result = parser.compile("title: Win\nlogsource: {product: windows, category: process_creation}\n"
				+ "detection:\n  sel: {Image|endswith: '\\\\cmd.exe'}\n  condition: sel\n", "w.yml");
		assertTrue(result.rules().get(0).header().unmapped().contains("product=windows, category=process_creation"));
		CompileResult mapped = parser.compile("title: Ssh\nlogsource: {product: linux, service: sshd}\n"
				+ "detection:\n  sel: {summary|contains: Failed}\n  condition: sel\n", "s.yml");
		assertEquals("", mapped.rules().get(0).header().unmapped());
	}

	@Test
	void collectionsWithGlobalAndCorrelations() {
		CompileResult result = parser.compile("""
				action: global
				logsource: {product: vigil}
				level: low
				---
				title: First
				name: first_rule
				detection: {sel: {summary: a}, condition: sel}
				---
				title: Second
				detection: {sel: {summary: b}, condition: sel}
				---
				title: Many firsts
				correlation:
				  type: event_count
				  rules: [first_rule]
				  group-by: [SourceIp]
				  timespan: 10m
				  condition: {gt: 5}
				""", "c.yml");
		assertEquals(List.of(), result.problems());
		assertEquals(3, result.rules().size());
		assertEquals(RuleLevel.LOW, result.rules().get(1).header().level());
		CorrelationSpec spec = result.rules().get(2).correlation();
		assertEquals(CorrelationSpec.Type.EVENT_COUNT, spec.type());
		assertEquals(List.of("details.sourceipaddress"), spec.groupBy());
		assertEquals(Duration.ofMinutes(10), spec.timespan());
		assertTrue(spec.condition().test(6));
		assertFalse(spec.condition().test(5));
	}
}
