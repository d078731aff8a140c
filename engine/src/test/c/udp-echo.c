/* A UDP echo server for the published-ports ITs: sends every datagram back to where it came
 * from, prefixed with "echo:", on the port given as the first argument; bound to the address
 * given as the second (every address without one). A datagram "who" is answered with
 * "from:" and the sender's address instead, which says whom the container sees as the client.
 * Built static at test time. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: udp-echo PORT [ADDRESS]\n");
		return 2;
	}
	struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_ANY)};
	if (argc == 3 && inet_pton(AF_INET, argv[2], &at.sin_addr) != 1) {
		fprintf(stderr, "udp-echo: not an IPv4 address: %s\n", argv[2]);
		return 2;
	}
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&at, sizeof at) != 0) {
		perror("udp-echo");
		return 1;
	}
	char in[2048], out[2100];
	for (;;) {
		struct sockaddr_in from;
		socklen_t len = sizeof from;
		ssize_t n = recvfrom(s, in, sizeof in, 0, (struct sockaddr *)&from, &len);
		if (n < 0)
			continue;
		size_t size;
		if (n == 3 && memcmp(in, "who", 3) == 0) {
			memcpy(out, "from:", 5);
			inet_ntop(AF_INET, &from.sin_addr, out + 5, sizeof out - 5);
			size = strlen(out);
		} else {
			memcpy(out, "echo:", 5);
			memcpy(out + 5, in, (size_t)n);
			size = (size_t)n + 5;
		}
		sendto(s, out, size, 0, (struct sockaddr *)&from, len);
	}
}
