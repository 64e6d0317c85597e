# Turns a file into a C++ source that defines its bytes as vtql::catalog::kBuiltinSchemaJson.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('[^']*',){24})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.\n#include <cstddef>\n#include <string_view>\nnamespace vtql::catalog {\nstatic const char kData[] = {\n${bytes}'\\0'};\nextern const std::string_view kBuiltinSchemaJson{kData, ${size}};\n}  // namespace vtql::catalog\n")
