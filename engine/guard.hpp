// The exception boundary of every public entry point: nothing thrown inside the library leaves it.
#pragma once

#include <exception>
#include <new>
#include <string>
#include <type_traits>

#include "vtql/status.hpp"

namespace vtql {

// Runs `body` (which returns a Result or a Status) and turns anything it throws into INTERNAL_SERVER_ERROR: running
// out of memory, or an exception that is a bug. The message for bad_alloc is short enough to need no allocation.
template <typename Body>
auto guarded(const char* what, Body&& body) noexcept -> std::invoke_result_t<Body> {
  try {
    try {
      return body();
    } catch (const std::bad_alloc&) {
      return Error::internal("out of memory");
    } catch (const std::exception& e) {
      return Error::internal(std::string(what) + " failed: " + e.what());
    } catch (...) {
      return Error::internal(std::string(what) + " failed");
    }
  } catch (...) {
    // Building the error itself ran out of memory.
    return Error::internal("out of memory");
  }
}

}  // namespace vtql
