package io.vigil.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;

/**
 * pcap4j finds its packet factories through {@code ServiceLoader}, with the thread's context class
 * loader. In OSGi SPI Fly wires that lookup to the wrapped static factory bundle; without it every
 * packet decodes as an opaque payload. Reading a capture file also proves that JNA reaches
 * libpcap.
 */
class Pcap4jInOsgiTest {

	@TempDir
	Path temp;

	@Test
	void decodesEthernetIpv4AndTcpFromBytes() throws Exception {
		byte[] frame = frame();

		Packet packet = EthernetPacket.newPacket(frame, 0, frame.length);

		assertDecoded(packet);
	}

	@Test
	void readsACaptureFileThroughLibpcap() throws Exception {
		Path capture = temp.resolve("one.pcap");
		Files.write(capture, pcapFile(frame()));

		try (PcapHandle handle = Pcaps.openOffline(capture.toString())) {
			Packet packet = handle.getNextPacketEx();
			assertDecoded(packet);
			assertEquals(1_764_000_000L, handle.getTimestamp().getTime() / 1000);
		}
	}

	private static void assertDecoded(Packet packet) {
		IpV4Packet ip = packet.get(IpV4Packet.class);
		assertNotNull(ip, "no IPv4 layer: the packet factories were not found (" + packet.getClass() + ")");
		assertEquals("10.0.0.5", ip.getHeader().getSrcAddr().getHostAddress());
		assertEquals("192.168.1.9", ip.getHeader().getDstAddr().getHostAddress());
		TcpPacket tcp = packet.get(TcpPacket.class);
		assertNotNull(tcp, "no TCP layer");
		assertEquals(51234, tcp.getHeader().getSrcPort().valueAsInt());
		assertEquals(443, tcp.getHeader().getDstPort().valueAsInt());
		assertArrayEquals("hi".getBytes(), tcp.getPayload().getRawData());
	}

	/** An Ethernet frame carrying IPv4 and TCP (SYN+PSH) with a two byte payload, checksums zero. */
	private static byte[] frame() {
		ByteBuffer buffer = ByteBuffer.allocate(14 + 20 + 20 + 2);
		buffer.put(new byte[] { 0, 0x11, 0x22, 0x33, 0x44, 0x55 });
		buffer.put(new byte[] { 0, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa });
		buffer.putShort((short) 0x0800);
		buffer.put((byte) 0x45).put((byte) 0).putShort((short) 42).putShort((short) 1).putShort((short) 0x4000);
		buffer.put((byte) 64).put((byte) 6).putShort((short) 0);
		buffer.put(new byte[] { 10, 0, 0, 5 }).put(new byte[] { (byte) 192, (byte) 168, 1, 9 });
		buffer.putShort((short) 51234).putShort((short) 443).putInt(1000).putInt(0);
		buffer.put((byte) 0x50).put((byte) 0x0a).putShort((short) 64240).putShort((short) 0).putShort((short) 0);
		buffer.put("hi".getBytes());
		return buffer.array();
	}

	private static byte[] pcapFile(byte[] frame) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ByteBuffer header = ByteBuffer.allocate(24 + 16).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
		header.putInt(1_764_000_000).putInt(0).putInt(frame.length).putInt(frame.length);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(header.array());
			out.write(frame);
		}
		return bytes.toByteArray();
	}
}
