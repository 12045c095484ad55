package io.qswarm.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.SpringBootVersion;

/**
 * The machine, JVM and libraries a result was measured on, as far as the JVM can tell. Figures are only comparable
 * between runs with matching descriptions.
 */
public record MachineDescription(
        String cpu,
        int cores,
        long memoryMegabytes,
        String os,
        String jvm,
        long maxHeapMegabytes,
        List<String> jvmArguments,
        String garbageCollectors,
        String storeFileSystem,
        String software) {

    private static final long MB = 1024 * 1024;

    static MachineDescription of(Path storeDirectory) {
        var runtime = Runtime.getRuntime();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineDescription(
                cpuModel(),
                runtime.availableProcessors(),
                os.getTotalMemorySize() / MB,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                runtime.maxMemory() / MB,
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                fileSystem(storeDirectory),
                "Axon Framework " + mavenVersion("org.axonframework", "axon-messaging") + ", Spring Boot "
                        + SpringBootVersion.getVersion() + ", H2 " + org.h2.engine.Constants.FULL_VERSION);
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("unknown");
            } catch (IOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
        return System.getenv().getOrDefault("PROCESSOR_IDENTIFIER", "unknown");
    }

    private static String fileSystem(Path directory) {
        try {
            var store = Files.getFileStore(directory);
            return store.type() + " (" + store.name() + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = MachineDescription.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
