# Turns a file into a C++ source that defines its bytes as vtql::catalog::kBuiltinSchemaJson.
#
# Usage: cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -P embed_file.cmake
# A char array rather than a string literal because compilers cap literal length (MSVC at 64 KB).
# CMake's regex has no {n} counts, so the line-wrapping pattern is spelled out with string(REPEAT).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REPEAT "[0-9a-f]" 32 line_pattern)
string(REGEX REPLACE "(${line_pattern})" "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.
#include <string_view>
namespace vtql::catalog {
static const char kData[] = {
${bytes}'\\0'};
extern const std::string_view kBuiltinSchemaJson{kData, ${size}};
}  // namespace vtql::catalog
")
