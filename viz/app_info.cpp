// Placeholder translation unit so vaxel_viz is a library from the start; panels join it as panel_<name>.cpp.
namespace vaxel::viz {
int panel_count() {
  return 0;
}
}  // namespace vaxel::viz
