package io.vigil.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.factory.Sets;
import org.eclipse.collections.api.factory.primitive.IntSets;
import org.eclipse.collections.api.set.primitive.MutableIntSet;
import org.junit.jupiter.api.Test;

/**
 * Eclipse Collections, which NatTable uses, finds its factory implementations through
 * ServiceLoader. Its Maven Central jars carry no SPI Fly headers, so the product names them to SPI
 * Fly; without that, every factory throws "Could not find any implementations" and NatTable
 * paints nothing.
 */
class EclipseCollectionsInOsgiTest {

	@Test
	void factoriesFindTheirImplementations() {
		assertEquals(3, Lists.mutable.of("a", "b", "c").size());
		assertTrue(Sets.immutable.of(1, 2).contains(2));
		MutableIntSet numbers = IntSets.mutable.of(4, 4, 5);
		assertEquals(2, numbers.size());
	}
}
