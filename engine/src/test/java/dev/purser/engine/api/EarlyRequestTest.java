package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which request heads the early listener answers itself: plain {@code /_ping}, nothing else. */
class EarlyRequestTest {
    private static Optional<EarlyRequest> parse(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        int end = EarlyRequest.headEnd(bytes, bytes.length);
        assertThat(end).as("a complete head").isEqualTo(bytes.length);
        return EarlyRequest.answerable(bytes, end);
    }

    @Test
    void headEndIsMinusOneUntilTheBlankLineHasCome() {
        byte[] bytes = "GET /_ping HTTP/1.1\r\nHost: x\r\n\r".getBytes(StandardCharsets.US_ASCII);
        assertThat(EarlyRequest.headEnd(bytes, bytes.length)).isEqualTo(-1);
    }

    @Test
    void headEndIsTheIndexAfterTheBlankLineWithTheNextRequestBehindIt() {
        byte[] bytes = "GET /_ping HTTP/1.1\r\n\r\nGET /x".getBytes(StandardCharsets.US_ASCII);
        assertThat(EarlyRequest.headEnd(bytes, bytes.length)).isEqualTo("GET /_ping HTTP/1.1\r\n\r\n".length());
    }

    @Test
    void getOfPingIsAnsweredAndKeepsAnHttp11ConnectionOpen() {
        assertThat(parse("GET /_ping HTTP/1.1\r\nHost: docker\r\nUser-Agent: Docker-Client/28.2.2\r\n\r\n"))
                .hasValueSatisfying(r -> {
                    assertThat(r.head()).isFalse();
                    assertThat(r.keepAlive()).isTrue();
                });
    }

    @Test
    void headOfPingIsAnsweredWithoutBody() {
        assertThat(parse("HEAD /_ping HTTP/1.1\r\nHost: docker\r\n\r\n")).hasValueSatisfying(r -> assertThat(r.head()).isTrue());
    }

    @Test
    void connectionCloseEndsTheConnectionAfterTheAnswer() {
        assertThat(parse("GET /_ping HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n"))
                .hasValueSatisfying(r -> assertThat(r.keepAlive()).isFalse());
    }

    @Test
    void http10StaysOpenOnlyWhenItAsksForKeepAlive() {
        assertThat(parse("GET /_ping HTTP/1.0\r\n\r\n")).hasValueSatisfying(r -> assertThat(r.keepAlive()).isFalse());
        assertThat(parse("GET /_ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"))
                .hasValueSatisfying(r -> assertThat(r.keepAlive()).isTrue());
    }

    @Test
    void aVersionedPingGoesToTheServerWhichChecksTheVersion() {
        assertThat(parse("GET /v1.99/_ping HTTP/1.1\r\n\r\n")).isEmpty();
    }

    @Test
    void aPingWithAQueryGoesToTheServerWhichDecodesIt() {
        assertThat(parse("GET /_ping?x=%zz HTTP/1.1\r\n\r\n")).isEmpty();
    }

    @Test
    void otherMethodsAndPathsGoToTheServer() {
        assertThat(parse("POST /_ping HTTP/1.1\r\n\r\n")).isEmpty();
        assertThat(parse("GET /version HTTP/1.1\r\n\r\n")).isEmpty();
        assertThat(parse("GET /_pingx HTTP/1.1\r\n\r\n")).isEmpty();
    }

    @Test
    void aPingWithABodyGoesToTheServer() {
        assertThat(parse("GET /_ping HTTP/1.1\r\nContent-Length: 5\r\n\r\n")).isEmpty();
        assertThat(parse("GET /_ping HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")).isEmpty();
    }

    @Test
    void anUpgradeGoesToTheServer() {
        assertThat(parse("GET /_ping HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n")).isEmpty();
    }

    @Test
    void aHeadThatIsNotPlainlyWellFormedGoesToTheServer() {
        assertThat(parse("GET /_ping HTTP/1.1\r\nno colon here\r\n\r\n")).isEmpty();
        assertThat(parse("GET /_ping HTTP/1.1\r\n folded: value\r\n\r\n")).isEmpty();
        assertThat(parse("GET /_ping HTTP/1.1\r\nA: b\nC: d\r\n\r\n")).isEmpty();
        assertThat(parse("GET  /_ping HTTP/1.1\r\n\r\n")).isEmpty();
        assertThat(parse("GET /_ping HTTP/2.0\r\n\r\n")).isEmpty();
        assertThat(parse("\r\nGET /_ping HTTP/1.1\r\n\r\n")).isEmpty();
    }
}
