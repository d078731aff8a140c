package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.guide.GuideBlock;
import dev.purser.tui.guide.GuidePage;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user guide's pages read as docs/user-guide/README.md says, without running them (that is UserGuideIT). */
class UserGuidePagesTest {
    @Test
    void everyPageParses() throws Exception {
        for (Path file : UserGuidePages.files()) {
            GuidePage.read(file);
        }
        assertThat(UserGuidePages.files()).isNotEmpty();
    }

    @Test
    void everyInteractiveBlockNamesTestsThatExist() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path file : UserGuidePages.files()) {
            for (GuideBlock block : GuidePage.read(file).blocks()) {
                for (String test : block.coveredBy()) {
                    if (!exists(test)) missing.add(file.getFileName() + ":" + block.line() + ": " + test);
                }
            }
        }
        assertThat(missing).as("interactive blocks must name the @Test methods that drive them").isEmpty();
    }

    /** {@code Class#method}, the class in this package unless qualified, the method a JUnit test. */
    private static boolean exists(String test) {
        int hash = test.indexOf('#');
        if (hash < 0) return false;
        String cls = test.substring(0, hash);
        try {
            Class<?> c = Class.forName(cls.contains(".") ? cls : UserGuidePagesTest.class.getPackageName() + "." + cls);
            String method = test.substring(hash + 1);
            return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                    .anyMatch(UserGuidePagesTest::isTest);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isTest(Method m) {
        return m.isAnnotationPresent(org.junit.jupiter.api.Test.class);
    }
}
