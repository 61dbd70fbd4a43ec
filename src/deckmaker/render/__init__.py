"""Stage three: write the plan out, as a .pptx deck (`deck`) and as a script (`script`)."""
