mod placeholder {}
mod truth;
