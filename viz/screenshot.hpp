// Headless screenshots for tests and docs: the current OpenGL framebuffer as a PNG.
#pragma once

#include <string>

namespace vaxel::viz {

/// Reads the back buffer (call after rendering, before swapping) and writes it as PNG. Returns "" or what
/// went wrong.
[[nodiscard]] std::string write_screenshot(const std::string& path, int width, int height);

}  // namespace vaxel::viz
