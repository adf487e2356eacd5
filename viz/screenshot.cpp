// The frame as PNG: glReadPixels of the back buffer, flipped (OpenGL counts rows from the bottom), written by
// stb_image_write, whose implementation lives in this one file of ours.
#include "viz/screenshot.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace vaxel::viz {

std::string write_screenshot(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) return "empty framebuffer";
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  std::vector<std::uint8_t> pixels(w * h * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) return "glReadPixels failed";
  std::vector<std::uint8_t> flipped(pixels.size());
  for (std::size_t y = 0; y < h; ++y)
    std::copy_n(pixels.data() + (h - 1 - y) * w * 3, w * 3, flipped.data() + y * w * 3);
  stbi_write_png_compression_level = 9;
  if (stbi_write_png(path.c_str(), width, height, 3, flipped.data(), width * 3) == 0) return "cannot write " + path;
  return "";
}

}  // namespace vaxel::viz
