async def gather(src):
    return [await x async for x in src if x], {k async for k in src}
