/*
 * fuzz_json.c -- libFuzzer target: the boot configuration parser gets
 * arbitrary bytes and must refuse or accept them without a crash, a leak
 * or a hang.
 */
#include <stddef.h>
#include <stdint.h>

#include "../../app-tools/base/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[128];
	struct json *j = json_parse((const char *)data, size, err, sizeof(err));

	json_free(j);
	return 0;
}
