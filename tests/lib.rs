mod entity;
