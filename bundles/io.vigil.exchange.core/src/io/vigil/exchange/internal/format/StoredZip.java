package io.vigil.exchange.internal.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * ZIP archives the way bundles hold them: STORED (uncompressed, so that {@code unzip} and a hex
 * viewer show the content), entries in a fixed order with a fixed time and no extra fields. The
 * same entries always give the same bytes, which lets a reader refuse an archive whose bytes
 * outside the entries were changed.
 */
public final class StoredZip {

	/** The time every entry carries. */
	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	private StoredZip() {
	}

	/** Returns the archive of entries, in the map's order. */
	public static byte[] write(SequencedMap<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setMethod(ZipOutputStream.STORED);
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				byte[] data = entry.getValue();
				ZipEntry zipEntry = new ZipEntry(entry.getKey());
				CRC32 crc = new CRC32();
				crc.update(data);
				zipEntry.setMethod(ZipEntry.STORED);
				zipEntry.setSize(data.length);
				zipEntry.setCompressedSize(data.length);
				zipEntry.setCrc(crc.getValue());
				zipEntry.setTimeLocal(ENTRY_TIME);
				zip.putNextEntry(zipEntry);
				zip.write(data);
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException("writing to memory does not fail", e);
		}
		return bytes.toByteArray();
	}

	/**
	 * Reads the entries of an archive that {@link #write} made.
	 *
	 * @param maxEntries the most entries accepted
	 * @throws ZipException if the bytes are not such an archive: damaged, with a directory, an entry
	 *             twice, more entries than allowed, or bytes that differ from what {@link #write}
	 *             makes of the same entries
	 */
	public static SequencedMap<String, byte[]> read(byte[] archive, int maxEntries) throws ZipException {
		SequencedMap<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entries.size() >= maxEntries) {
					throw new ZipException("more than " + maxEntries + " entries");
				}
				if (entry.isDirectory() || entry.getMethod() != ZipEntry.STORED) {
					throw new ZipException("entry " + entry.getName() + " is not a stored file");
				}
				if (entries.putIfAbsent(entry.getName(), zip.readAllBytes()) != null) {
					throw new ZipException("entry " + entry.getName() + " appears twice");
				}
			}
		} catch (ZipException e) {
			throw e;
		} catch (IOException | IllegalArgumentException e) {
			throw new ZipException("unreadable archive: " + e.getMessage());
		}
		if (entries.isEmpty()) {
			throw new ZipException("no entries");
		}
		if (!Arrays.equals(write(entries), archive)) {
			throw new ZipException("its bytes differ from the archive of its own entries (headers, directory or"
					+ " trailing bytes were changed)");
		}
		return entries;
	}
}
